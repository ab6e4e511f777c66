/// `username` of AUTH_CREATE_USER, AUTH_UPDATE_USER, AUTH_DELETE_USER and AUTH_GET_USER (3001–3004).
public struct UsernameHeader: CommandHeader, Equatable {
    public var username: String?

    public init(username: String?) { self.username = username }
    public init(fields f: HeaderFields) throws { username = f.string("username") }
    public func encode(into f: inout [String: String]) { f.put("username", username) }
}

/// AUTH_LIST_USER (3005): a substring of the usernames to list.
public struct ListUsersRequestHeader: CommandHeader, Equatable {
    public var filter: String?

    public init(filter: String?) { self.filter = filter }
    public init(fields f: HeaderFields) throws { filter = f.string("filter") }
    public func encode(into f: inout [String: String]) { f.put("filter", filter) }
}

/// `subject` of AUTH_CREATE_ACL, AUTH_UPDATE_ACL and AUTH_GET_ACL (3006, 3007, 3009).
public struct SubjectHeader: CommandHeader, Equatable {
    public var subject: String?

    public init(subject: String?) { self.subject = subject }
    public init(fields f: HeaderFields) throws { subject = f.string("subject") }
    public func encode(into f: inout [String: String]) { f.put("subject", subject) }
}

/// AUTH_DELETE_ACL (3008): the whole ACL of `subject`, or only `resource`'s entry of `policyType` (Custom).
public struct DeleteAclRequestHeader: CommandHeader, Equatable {
    public var subject: String?
    public var policyType: String?
    public var resource: String?

    public init(subject: String?, policyType: String? = nil, resource: String? = nil) {
        self.subject = subject
        self.policyType = policyType
        self.resource = resource
    }

    public init(fields f: HeaderFields) throws {
        subject = f.string("subject")
        policyType = f.string("policyType")
        resource = f.string("resource")
    }

    public func encode(into f: inout [String: String]) {
        f.put("subject", subject)
        f.put("policyType", policyType)
        f.put("resource", resource)
    }
}

/// AUTH_LIST_ACL (3010): substrings of the subject and of the resources to list.
public struct ListAclsRequestHeader: CommandHeader, Equatable {
    public var subjectFilter: String?
    public var resourceFilter: String?

    public init(subjectFilter: String?, resourceFilter: String?) {
        self.subjectFilter = subjectFilter
        self.resourceFilter = resourceFilter
    }

    public init(fields f: HeaderFields) throws {
        subjectFilter = f.string("subjectFilter")
        resourceFilter = f.string("resourceFilter")
    }

    public func encode(into f: inout [String: String]) {
        f.put("subjectFilter", subjectFilter)
        f.put("resourceFilter", resourceFilter)
    }
}
