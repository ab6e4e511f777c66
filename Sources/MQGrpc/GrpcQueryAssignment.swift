import MQBroker
import MQProtocol

/// QueryAssignment (design pop-grpc.md §1.3, §4.5): which queues a PushConsumer runs receive loops on. As Apache's
/// proxy in POP mode (`RouteActivity.queryAssignment`): one assignment naming queue -1 of this broker (every
/// receive pops all its queues), or, for an orderly group, one per readable queue (the broker's orderly POP keeps
/// each queue's order). Built from the route as QueryRoute is: the broker's QUERY_ASSIGNMENT answers remoting
/// consumers by their request mode, which v5 clients do not have.
enum GrpcQueryAssignment {
    static func answer(
        _ request: Apache_Rocketmq_V2_QueryAssignmentRequest, core: BrokerCore, fallback: V2Endpoints
    ) -> Apache_Rocketmq_V2_QueryAssignmentResponse {
        var response = Apache_Rocketmq_V2_QueryAssignmentResponse()
        var route = Apache_Rocketmq_V2_QueryRouteRequest()
        route.topic = request.topic
        route.endpoints = request.endpoints
        let routed = GrpcQueryRoute.answer(route, core: core, fallback: fallback)
        guard routed.status.code == .ok else {
            response.status = routed.status
            return response
        }
        let readable = routed.messageQueues.filter { $0.permission == .read || $0.permission == .readWrite }
        guard let first = readable.first else {
            response.status = V2Status(.forbidden, "no readable queue of topic \(request.topic.name)")
            return response
        }
        let orderly = core.groups.group(request.group.name)?.consumeMessageOrderly ?? false
        var queues = readable
        if !orderly {
            var any = first
            any.id = -1
            any.permission = .readWrite
            queues = [any]
        }
        response.assignments = queues.map { queue in
            var assignment = Apache_Rocketmq_V2_Assignment()
            assignment.messageQueue = queue
            return assignment
        }
        response.status = .ok
        return response
    }
}
