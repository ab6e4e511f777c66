import MQAdminCLI

await CommandRunner.main()
