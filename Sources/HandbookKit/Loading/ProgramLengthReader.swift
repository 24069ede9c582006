/// Reads `length_weeks` of `program.yaml`: one number of weeks (`12`) or the usual range
/// (`[8, 12]`), the fewest first. Each mistake is reported at the number it is about.
enum ProgramLengthReader {
    /// The most weeks taken for a real program's length (ten years); more is a typing mistake.
    static let weeks = 1...520
    private static let example = "write 'length_weeks: 12', or the usual range with the fewest weeks first, such as 'length_weeks: [8, 12]'"

    static func read(_ r: MappingReader) -> ProgramLength? {
        guard let items = r.strings("length_weeks", of: .wholeNumber(weeks)) else { return nil }
        guard (1...2).contains(items.count) else {
            r.log.error(r.location(of: "length_weeks"), "'length_weeks' has \(items.count) numbers; it takes one number of weeks or two (from, to)",
                        hint: example)
            return nil
        }
        var numbers: [Int] = []
        for (text, location) in items {
            guard let number = Int(text) else {
                r.log.error(location, "'\(text)' under 'length_weeks' is not a whole number of weeks", hint: example)
                return nil
            }
            guard weeks.contains(number) else {
                r.log.error(location, "'length_weeks' is \(number) weeks, which is outside \(weeks.lowerBound)...\(weeks.upperBound)",
                            hint: example)
                return nil
            }
            numbers.append(number)
        }
        let (from, to) = (numbers[0], numbers.last!)
        if from > to {
            r.log.error(items[1].1, "'length_weeks' goes from \(from) down to \(to) weeks",
                        hint: "write the fewest weeks first: 'length_weeks: [\(to), \(from)]'")
            return nil
        }
        return ProgramLength(from: from, to: to)
    }
}
