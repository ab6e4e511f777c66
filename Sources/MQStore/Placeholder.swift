// MQStore
