// MQBroker
