/// Reads the `notices` of `schedule.yaml`: dated messages for the week pages.
extension ScheduleLoader {
    static func notices(_ r: MappingReader) -> [ScheduleNotice] {
        r.records("notices", noun: "notice") { n in
            let from = n.date("from", required: true)
            let until = n.date("until")
            let text = n.string("text", required: true, hint: "say what clients should know, e.g. 'text: Please park on the street this week.'")
            let audience = n.audience()
            let tracks = n.strings("tracks") ?? []
            guard let from, let text else { return nil }
            // An end before the start would show the notice on no week at all: say so where it is written.
            if let until, until < from {
                n.log.error(n.location(of: "until"), "the notice ends (\(until)) before it starts (\(from))",
                            hint: "'until' is the last day the notice is shown: write a date on or after \(from), or leave 'until' out for one day")
            }
            return ScheduleNotice(from: from, until: until.map { max($0, from) } ?? from, text: text, audience: audience,
                                  tracks: tracks.map(\.0), trackLocations: tracks.map(\.1), location: n.location,
                                  keyLocations: n.keyLocations(["from", "until", "text", "tracks"]))
        }
    }
}
