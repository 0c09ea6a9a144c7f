import Foundation

/// The live-reload protocol between `gradus serve` and the pages it serves.
///
/// Each HTML page is served with a small script (added on the way out, never written to disk,
/// so `gradus build` output stays as it is) that knows which build it came from and polls
/// `/__gradus/build`. When the answer names another build the page reloads; when the last
/// rebuild failed (a course error, a broken theme) the errors are shown in a panel over the
/// last good page. Polling rather than a WebSocket keeps the server plain HTTP; after the
/// server goes away the script keeps trying, more slowly, and reloads once it is back.
public enum LiveReload {
    /// The endpoint the script polls.
    public static let endpoint = "/__gradus/build"

    /// What the endpoint reports: the current build and the errors of the last attempt, if it failed.
    public struct Status: Codable, Equatable, Sendable {
        /// Changes whenever a rebuild writes the site (and when the server restarts).
        public var build: String
        /// Empty when the last build wrote the site; else its diagnostics as printed on the terminal.
        public var errors: String

        public init(build: String, errors: String) {
            self.build = build
            self.errors = errors
        }
    }

    /// The endpoint's answer.
    public static func response(_ status: Status) -> HTTPResponse {
        let body = (try? JSONEncoder().encode(status)) ?? Data("{}".utf8)
        return HTTPResponse(status: 200, contentType: "application/json", body: body)
    }

    /// `html` with the script placed before its last `</body>` (at the end when there is none).
    public static func inject(into html: String, build: String) -> String {
        let tag = script(build: build)
        guard let body = html.range(of: "</body>", options: [.backwards, .caseInsensitive]) else { return html + tag }
        return html.replacingCharacters(in: body.lowerBound..<body.lowerBound, with: tag)
    }

    /// `response` with the script injected when it is an HTML page; other responses unchanged.
    public static func inject(into response: HTTPResponse, build: String) -> HTTPResponse {
        guard response.isHTML else { return response }
        var injected = response
        injected.body = Data(inject(into: String(decoding: response.body, as: UTF8.self), build: build).utf8)
        return injected
    }

    /// The script for a page served at `build`.
    static func script(build: String) -> String {
        let served = String(decoding: (try? JSONEncoder().encode(build)) ?? Data("\"\"".utf8), as: UTF8.self)
        return """
            <script id="gradus-live-reload">
            (() => {
              const served = \(served);
              let delay = 500, panel = null;
              const show = (errors) => {
                if (!errors) { if (panel) { panel.remove(); panel = null; } return; }
                if (!panel) {
                  panel = document.createElement("pre");
                  panel.id = "gradus-serve-errors";
                  panel.style.cssText = "position:fixed;left:0;right:0;bottom:0;margin:0;max-height:45vh;overflow:auto;" +
                    "z-index:2147483647;padding:.8em 1em;background:#2b0b0b;color:#ffe5e5;border-top:3px solid #e5484d;" +
                    "font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,monospace;white-space:pre-wrap";
                  document.body.appendChild(panel);
                }
                panel.textContent = "gradus serve: the last rebuild failed; this is the last good page.\\n\\n" + errors;
              };
              const check = async () => {
                try {
                  const reply = await fetch("\(endpoint)", { cache: "no-store" });
                  const status = await reply.json();
                  if (status.build !== served) { location.reload(); return; }
                  show(status.errors);
                  delay = 500;
                } catch (error) {
                  delay = Math.min(delay * 2, 5000);
                }
                setTimeout(check, delay);
              };
              setTimeout(check, delay);
            })();
            </script>

            """
    }
}
