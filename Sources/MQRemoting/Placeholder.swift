// MQRemoting
