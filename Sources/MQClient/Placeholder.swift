// MQClient
