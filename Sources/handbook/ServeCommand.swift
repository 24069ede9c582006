import ArgumentParser
import Foundation
import HandbookKit
import HandbookServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the handbook in a browser, rebuilding and reloading as you edit.",
        discussion: """
        Builds into the output folder, serves it on 127.0.0.1 and watches the content, templates \
        and profiles folders. Open pages reload after each good build; when a change does not \
        build, the errors appear at the bottom of the page and the last good pages stay served. \
        Stop with Ctrl-C.

        Examples:
          handbook serve                      # http://127.0.0.1:8080/handbook/
          handbook serve --port 9000
          handbook serve --content ../my-program
        """
    )

    @OptionGroup var program: ProgramOptions
    @OptionGroup var write: WriteOptions

    @Option(help: "Port to listen on, on 127.0.0.1 only.")
    var port = 8080

    @Flag(help: "Also rebuild the search index after each change (slower on large programs).")
    var search = false

    @Flag(help: "Print how long each stage of each rebuild took.")
    var timings = false

    func run() async throws {
        var options = program.options(force: write.force)
        options.search = search
        // Each message at once, also when standard output is a pipe (editors, scripts).
        var configuration = PreviewServer.Configuration(options: options, port: port)
        configuration.timings = timings
        let server = PreviewServer(configuration, report: { message in
            FileHandle.standardOutput.write(Data((message + "\n").utf8))
        })
        try await server.run()
    }
}
