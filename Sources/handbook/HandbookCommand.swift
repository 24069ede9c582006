import ArgumentParser
import HandbookKit

@main
struct HandbookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handbook",
        abstract: "Build a treatment program's client handbook and staff manual from its data files and pages.",
        discussion: """
        Examples:
          handbook build                      # Content/ + Templates/ -> Public/
          handbook check                      # find mistakes without writing anything
          handbook build --only handbook      # the client handbook alone
          handbook schedule --week next       # next week's printable schedule
          handbook serve                      # live preview while you edit
        """,
        subcommands: [BuildCommand.self, CheckCommand.self, ScheduleCommand.self, ServeCommand.self, InitCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}
