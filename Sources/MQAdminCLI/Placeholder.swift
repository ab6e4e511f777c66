// MQAdminCLI
