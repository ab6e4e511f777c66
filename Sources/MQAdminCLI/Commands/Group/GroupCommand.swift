import ArgumentParser

/// `mqadmin group ...`: consumer groups.
struct GroupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "group",
        abstract: "Create, update, delete, list, describe and diagnose consumer groups; ask members their status.",
        subcommands: [
            GroupCreate.self, GroupUpdate.self, GroupSetMode.self, GroupDelete.self, GroupList.self, GroupDescribe.self,
            GroupStatus.self, GroupDoctorCommand.self,
        ]
    )
}
