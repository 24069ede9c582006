/// How long the program usually lasts, from `length_weeks` in `program.yaml`: `12`, or a range
/// `[8, 12]`. Shown on the cover and wherever a text says `{program_length}`.
public struct ProgramLength: Sendable, Equatable {
    /// The fewest weeks; the same as `to` when one number is given.
    public var from: Int
    public var to: Int

    public var isRange: Bool { from != to }
}

extension Wording {
    /// "8 to 12 weeks", "12 weeks"; "8 a 12 semanas": the length as it reads inside a sentence.
    public func programLength(_ length: ProgramLength) -> String {
        let (from, to) = (number(Double(length.from)), number(Double(length.to)))
        if length.isRange { return text("weeks_range", ["from": from, "to": to]) }
        return text(length.to == 1 ? "weeks_one" : "weeks_other", ["weeks": to])
    }
}
