/// An edition as it was handed out, saved by `handbook edition save` to
/// `<content>/editions/<edition_date>.json`: every item each audience read, in each language.
public struct SavedEdition: Codable, Sendable {
    /// What one language's readers got: the clients' items and the staff's.
    public struct Outputs: Codable, Sendable {
        public var client: EditionItems
        public var staff: EditionItems
        /// The edition's name in this language ("Edición 4"), as its readers saw it.
        public var edition: String?
    }

    /// Raised when a file written by a later version of the tool is read.
    static let currentFormat = 1

    public var format = SavedEdition.currentFormat
    public var edition: String
    public var editionDate: CalendarDate
    /// By language tag (`en`, `es`).
    public var languages: [String: Outputs]

    private enum CodingKeys: String, CodingKey {
        case format, edition, editionDate = "edition_date", languages
    }

    public func items(language: String, audience: Audience) -> EditionItems? {
        languages[language].map { audience == .staff ? $0.staff : $0.client }
    }
}

extension CalendarDate: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CalendarDate(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a date like 2026-11-01")
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
