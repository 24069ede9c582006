import ArgumentParser
import Foundation
import HandbookKit

struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Write the printable schedule of one week, with its closures and changes.",
        discussion: """
        Writes the client copy to <output>/schedule/<week>/ (index.html and <week>.ics) and the \
        staff copy to <output>/manual/schedule/<week>/index.html. Weeks are ISO weeks, Monday to \
        Sunday, in the program's time zone. For the current week it also updates \
        <output>/schedule/index.html and <output>/manual/schedule/index.html, which lead to this \
        week; another week leaves them as they are. With --client-output and --staff-output, as \
        for build, the client copy goes into the first folder and the staff copy into the second.

        Examples:
          handbook schedule                  # this week
          handbook schedule --week next
          handbook schedule --week 2026-W49
          handbook schedule --week next --client-output Site --staff-output Intranet
        """
    )

    @OptionGroup var program: ProgramOptions

    @OptionGroup var split: SplitOutputOptions
    @OptionGroup var write: WriteOptions

    @Flag(help: "Also print the week to PDF (needs headless Chromium).")
    var pdf = false

    @Option(help: "The week: 2026-W49, 'next' or 'current' (this week, in the program's time zone).")
    var week = "current"

    func validate() throws {
        try split.validate(program)
    }

    func run() throws {
        try DiagnosticPrinter.reportingFailure(of: "Schedule", outputs: split.folders(program)) {
            var options = program.options(force: write.force)
            split.apply(to: &options)
            options.pdf = pdf
            let chosen = try resolveWeek(options)
            let warnings = try Handbook.schedule(options, week: chosen)
            DiagnosticPrinter.print(warnings)
            print("Wrote the schedule for \(chosen) into \(split.clientFolder(program))/schedule/\(chosen)/ and \(split.manualFolder(program))/manual/schedule/\(chosen)/")
        }
    }

    private func resolveWeek(_ options: Handbook.Options) throws -> ISOWeek {
        switch week.lowercased() {
        case "current", "next":
            let prepared = try Handbook.prepare(options)
            let current = Handbook.currentWeek(prepared.content.program)
            return week.lowercased() == "next" ? current.next : current
        default:
            guard let parsed = ISOWeek(week) else {
                throw ValidationError(ISOWeek.problem(with: week) ?? "'\(week)' is not a week: write it like 2026-W49 (year, W, week number 1–53), or 'next'")
            }
            return parsed
        }
    }
}
