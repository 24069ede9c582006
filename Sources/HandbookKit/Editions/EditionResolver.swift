/// Adds to each audience's content, once it is resolved, what that audience is told about the
/// edition: what changed since the last saved edition, and the fingerprint of the client text.
///
/// Each audience's changes come from its own items: the clients' from the client content, which
/// never held staff-only text, so no staff-only change can reach a client output.
enum EditionResolver {
    static func apply(_ saved: [SavedEdition], client: inout Content, staff: inout Content, wording: Wording) {
        let fingerprint = ClientFingerprint.of(EditionItemCollector.items(of: client, wording: wording, pagesBySection: false))
        client.clientFingerprint = fingerprint
        staff.clientFingerprint = fingerprint
        guard let previous = EditionComparison.previous(of: client.program, in: saved),
              let clientBefore = previous.items(language: client.language, audience: .everyone),
              let staffBefore = previous.items(language: staff.language, audience: .staff)
        else { return }
        let clientItems = EditionItemCollector.items(of: client, wording: wording)
        let staffItems = EditionItemCollector.items(of: staff, wording: wording)
        let previousName = previous.languages[client.language]?.edition ?? previous.edition
        client.whatsNew = WhatsNew(previousEdition: previousName, previousDate: previous.editionDate,
                                   changes: EditionComparison.changes(from: clientBefore, to: clientItems))
        staff.whatsNew = WhatsNew(previousEdition: previousName, previousDate: previous.editionDate,
                                  changes: EditionComparison.changes(from: staffBefore, to: staffItems,
                                                                     clientBefore: clientBefore, clientAfter: clientItems))
    }
}
