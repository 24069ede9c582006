import ArgumentParser
import HandbookKit

@main
struct HandbookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handbook",
        abstract: "Build a treatment program's client handbook and staff manual from its data files and pages.",
        discussion: """
        Run it in a program folder (one that holds program.yaml), or pass --content.

        Examples:
          handbook build                      # this program folder (or Content/) -> Public/
          handbook check                      # find mistakes without writing anything
          handbook build --only handbook      # the client handbook alone
          handbook schedule --week next       # next week's printable schedule
          handbook serve                      # live preview while you edit
        """,
        version: Handbook.version,
        subcommands: [BuildCommand.self, CheckCommand.self, ScheduleCommand.self, ServeCommand.self, InitCommand.self,
                      TemplatesCommand.self, SchemaCommand.self, EditionCommand.self, DiffCommand.self, WebserverConfigCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}
