/// Everything a program's folder holds, loaded and typed, before any audience is applied.
public struct Content: Sendable {
    public var program: Program
    public var rules: [Rule]
    public var faq: [FAQEntry]
    public var topics: [Topic]
    public var staff: [StaffMember]
    public var schedule: Schedule
    public var pages: [Page]
    /// The language of the texts: the program's default language, or a translation's after
    /// `Localizer` (where what is not translated stays in the default language, marked).
    public var language: String = "en"
    /// The translations the program lists in `program.yaml`, as loaded; not yet applied.
    public var translations: [Translation] = []
    /// What changed since the last saved edition, as this edition's audience sees it; nil when
    /// there is no earlier saved edition (set when resolving, from content already resolved).
    public var whatsNew: WhatsNew? = nil
    /// The fingerprint of the client text of this edition in this language (set when resolving).
    public var clientFingerprint: String? = nil
}
