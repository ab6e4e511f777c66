// MQProtocol
