/// What `serve` adds to every HTML page it sends (never to the built files): a script that
/// reloads the page after a good build and shows the errors of a failed one over the last good page.
enum LiveReloadScript {
    static let path = "/__handbook/live.js"
    static let eventsPath = "/__handbook/events"

    static let tag = "<script src=\"\(path)\"></script>"

    static let source = """
    (function () {
      var box = null;
      function show(text) {
        if (!box) {
          box = document.createElement("div");
          box.id = "handbook-build-error";
          box.setAttribute("role", "alert");
          box.style.cssText = "position:fixed;left:0;right:0;bottom:0;max-height:50vh;overflow:auto;" +
            "background:#fff4f4;color:#000;border-top:4px solid #a00;padding:1rem;" +
            "font:14px/1.4 monospace;white-space:pre-wrap;z-index:99999";
          document.body.appendChild(box);
        }
        box.textContent = "The last change did not build. You are looking at the last good pages.\\n\\n" + text;
      }
      var events = new EventSource("\(eventsPath)");
      events.addEventListener("reload", function () { window.location.reload(); });
      events.addEventListener("failed", function (event) { show(event.data); });
    })();
    """

    /// The page with the script before `</body>` (or at the end when there is none).
    static func inject(into html: String) -> String {
        guard let range = html.range(of: "</body>", options: .backwards) else { return html + tag }
        return html.replacingCharacters(in: range, with: tag + "</body>")
    }
}

import Foundation
