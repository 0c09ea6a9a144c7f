import Foundation
import Synchronization
import Testing
@testable import Site

/// `gradus serve`'s parts: the HTTP server over a real loopback socket, live reload, the watcher.
@Suite struct ServeTests {
    /// A folder of site files, and a secret file beside it that must never be served.
    struct SiteFolder {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gradus-serve-\(UUID().uuidString)").path
        var site: String { root + "/site" }

        init() throws {
            let files = [
                "site/index.html": "<!DOCTYPE html><html><body><h1>Home</h1></body></html>",
                "site/assets/style.css": "body { color: red; }",
                "site/katex/fonts/KaTeX_Main.woff2": "wOF2",
                "site/search.json": "{\"pages\": []}",
                "site/plot.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>",
                "site/sub/index.html": "<html><body>sub</body></html>",
                "site/.gradus-site": "built by gradus\n",
                "secret.txt": "top secret",
            ]
            for (path, text) in files { try write(text, to: path) }
        }

        func write(_ text: String, to relative: String) throws {
            let url = URL(fileURLWithPath: root + "/" + relative)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }

        func remove() { try? FileManager.default.removeItem(atPath: root) }
    }

    /// Polls `condition` until it holds or `seconds` pass.
    func eventually(_ seconds: Double, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return try condition()
    }

    @Test func servesFilesWithTheirTypesOverASocket() throws {
        let folder = try SiteFolder()
        defer { folder.remove() }
        let files = StaticFiles(root: folder.site)
        let server = try HTTPServer(port: 0, handler: files.respond)
        server.start()
        defer { server.stop() }
        #expect(server.port != 0)

        let home = try LoopbackClient.request(port: server.port, "/")
        #expect(home.status == 200)
        #expect(home.headers["content-type"] == "text/html; charset=utf-8")
        #expect(home.headers["cache-control"] == "no-store")
        #expect(home.text == "<!DOCTYPE html><html><body><h1>Home</h1></body></html>")
        #expect(home.headers["content-length"] == String(home.body.count))

        let types = ["/assets/style.css": "text/css; charset=utf-8", "/katex/fonts/KaTeX_Main.woff2": "font/woff2",
                     "/search.json": "application/json", "/plot.svg": "image/svg+xml", "/index.html?q=adam": "text/html; charset=utf-8"]
        for (path, type) in types {
            let reply = try LoopbackClient.request(port: server.port, path)
            #expect(reply.status == 200, "\(path)")
            #expect(reply.headers["content-type"] == type, "\(path)")
        }
        #expect(try LoopbackClient.request(port: server.port, "/assets/style.css").text == "body { color: red; }")

        let head = try LoopbackClient.request(port: server.port, "/index.html", method: "HEAD")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(head.headers["content-length"] == String(home.body.count))

        let folderWithoutSlash = try LoopbackClient.request(port: server.port, "/sub?q=x")
        #expect(folderWithoutSlash.status == 301)
        #expect(folderWithoutSlash.headers["location"] == "/sub/?q=x")
        #expect(try LoopbackClient.request(port: server.port, "/sub/").text == "<html><body>sub</body></html>")

        let missing = try LoopbackClient.request(port: server.port, "/nothing-here.html")
        #expect(missing.status == 404)
        #expect(missing.text.contains("/nothing-here.html"))

        let post = try LoopbackClient.request(port: server.port, "/index.html", method: "POST")
        #expect(post.status == 405)
        #expect(post.headers["allow"] == "GET, HEAD")
        #expect(try LoopbackClient.send(port: server.port, "NONSENSE\r\n\r\n").status == 400)
    }

    @Test(arguments: ["/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/sub/..%2f..%2fsecret.txt",
                      "/sub/%2e%2e/%2e%2e/secret.txt", "/sub/../index.html", "/sub/%2E%2e/index.html",
                      "/link", "/%00", "secret.txt"])
    func refusesPathsOutOfTheSite(path: String) throws {
        let folder = try SiteFolder()
        defer { folder.remove() }
        try FileManager.default.createSymbolicLink(atPath: folder.site + "/link", withDestinationPath: folder.root + "/secret.txt")
        let server = try HTTPServer(port: 0, handler: StaticFiles(root: folder.site).respond)
        server.start()
        defer { server.stop() }
        let reply = try LoopbackClient.request(port: server.port, path)
        #expect(reply.status == 403 || reply.status == 400, "\(path) answered \(reply.status)")
        #expect(!reply.text.contains("top secret"))
    }

    @Test func aTakenPortIsAClearError() throws {
        let first = try HTTPServer(port: 0) { _ in .page(status: 404, message: "") }
        defer { first.stop() }
        do {
            _ = try HTTPServer(port: first.port) { _ in .page(status: 404, message: "") }
            Issue.record("a second server bound port \(first.port)")
        } catch {
            #expect("\(error)".contains("port \(first.port) is already in use"))
            #expect("\(error)".contains("--port"))
        }
    }

    @Test func liveReloadScriptGoesIntoHTMLOnly() throws {
        let folder = try SiteFolder()
        defer { folder.remove() }
        let files = StaticFiles(root: folder.site)
        let status = LiveReload.Status(build: "abc-3", errors: "")
        let page = DevServer.respond(to: HTTPRequest(method: "GET", target: "/index.html"), files: files, status: status)
        #expect(page.status == 200)
        let html = String(decoding: page.body, as: UTF8.self)
        #expect(html.contains("<script id=\"gradus-live-reload\">"))
        #expect(html.contains("const served = \"abc-3\";"))
        #expect(html.contains("/__gradus/build"))
        #expect(html.hasSuffix("</script>\n</body></html>"), "the script goes before </body>")
        #expect(try String(contentsOfFile: folder.site + "/index.html", encoding: .utf8)
            == "<!DOCTYPE html><html><body><h1>Home</h1></body></html>", "the file on disk is unchanged")

        let missing = DevServer.respond(to: HTTPRequest(method: "GET", target: "/gone.html"), files: files, status: status)
        #expect(missing.status == 404)
        #expect(String(decoding: missing.body, as: UTF8.self).contains("gradus-live-reload"), "a 404 page reloads once the page exists")
        for path in ["/assets/style.css", "/search.json", "/plot.svg"] {
            let reply = DevServer.respond(to: HTTPRequest(method: "GET", target: path), files: files, status: status)
            #expect(!String(decoding: reply.body, as: UTF8.self).contains("gradus-live-reload"), "\(path)")
        }
        #expect(LiveReload.inject(into: "<p>no body tag</p>", build: "x").hasPrefix("<p>no body tag</p><script"))

        try FileManager.default.removeItem(atPath: folder.site + "/.gradus-site")
        let foreign = DevServer.respond(to: HTTPRequest(method: "GET", target: "/index.html"), files: files, status: status)
        #expect(foreign.status == 404, "a folder gradus did not build is not served")

        let endpoint = DevServer.respond(to: HTTPRequest(method: "GET", target: "/__gradus/build"), files: files, status: status)
        #expect(endpoint.headers["Content-Type"] == "application/json")
        #expect(try JSONDecoder().decode(LiveReload.Status.self, from: endpoint.body) == status)
    }

    @Test func onlyLoopbackHostNamesAreAnswered() throws {
        let folder = try SiteFolder()
        defer { folder.remove() }
        let files = StaticFiles(root: folder.site), status = LiveReload.Status(build: "b", errors: "")
        for host in ["127.0.0.1:8000", "localhost:8000", "LOCALHOST", "[::1]:8000"] {
            let request = HTTPRequest(method: "GET", target: "/", headers: ["host": host])
            #expect(DevServer.respond(to: request, files: files, status: status).status == 200, "\(host)")
        }
        for host in ["evil.example", "evil.example:8000", "127.0.0.1.evil.example"] {
            let request = HTTPRequest(method: "GET", target: "/", headers: ["host": host])
            #expect(DevServer.respond(to: request, files: files, status: status).status == 403, "\(host)")
        }
    }

    @Test func watcherNoticesEditsAndIgnoresOutputAndHiddenFiles() throws {
        let folder = try SiteFolder()
        defer { folder.remove() }
        let lessons = folder.root + "/lessons"
        try folder.write("title: T\nlessons:\n  - 01-a.md\n", to: "lessons/course.yml")
        try folder.write("# A\n", to: "lessons/01-a.md")
        try folder.write("body {}", to: "lessons/theme/style.css")
        let watcher = FileWatcher(root: lessons, excluding: [lessons + "/site"])
        let before = watcher.snapshot()
        #expect(Set(before.keys) == [lessons + "/course.yml", lessons + "/01-a.md", lessons + "/theme/style.css"])

        // File times tick with the kernel clock (a few ms): let one tick pass, as between real saves.
        Thread.sleep(forTimeInterval: 0.05)
        try folder.write("# B\n", to: "lessons/01-a.md")  // same size: the time tells
        try folder.write("<html>{{content}}</html>", to: "lessons/theme/page.html")
        try folder.write("swap", to: "lessons/.01-a.md.swp")
        try folder.write("<html></html>", to: "lessons/site/index.html")
        try folder.write("# B\n", to: "lessons/01-a.md~")
        let after = watcher.snapshot()
        #expect(FileWatcher.changes(from: before, to: after) == [lessons + "/01-a.md", lessons + "/theme/page.html"])

        try FileManager.default.removeItem(atPath: lessons + "/theme/style.css")
        #expect(FileWatcher.changes(from: after, to: watcher.snapshot()) == [lessons + "/theme/style.css"])
        #expect(FileWatcher.changes(from: after, to: after).isEmpty)
    }

    @Test func devServerRebuildsOnEditAndKeepsTheLastGoodSite() throws {
        let fixture = try Fixture(lessons: [("01-one.md", "---\ntitle: One\n---\n\n# First heading\n\n```swift\nprint(\"cell says\", 6 * 7)\n```\n")])
        defer { fixture.remove() }
        let served = Mutex<String?>(nil)
        let server = try DevServer(options: fixture.options, port: 0, pollInterval: 0.1,
                                   events: .init(serving: { url in served.withLock { $0 = url } }))
        server.start()
        defer { server.stop() }
        try #require(eventually(120) { served.withLock { $0 } != nil }, "the first build never finished")
        #expect(served.withLock { $0 } == "http://127.0.0.1:\(server.port)/")
        let first = try LoopbackClient.request(port: server.port, "/01-one.html")
        #expect(first.status == 200)
        #expect(first.text.contains("First heading") && first.text.contains("cell says 42"))
        let build = server.status.build

        try fixture.edit("lessons/01-one.md", replacing: "First heading", with: "Edited heading")
        #expect(try eventually(120) { try LoopbackClient.request(port: server.port, "/01-one.html").text.contains("Edited heading") })
        // The new site is in place a moment before the build number moves on (the builder swaps
        // the folder, then returns): on a busy machine a request can fall in between.
        #expect(eventually(10) { server.status.build != build })
        #expect(server.status.errors.isEmpty)

        try fixture.write("title: [unclosed\n", to: "lessons/course.yml")
        #expect(eventually(120) { !server.status.errors.isEmpty }, "a broken course.yml is reported")
        #expect(server.status.errors.contains("course.yml"))
        let kept = try LoopbackClient.request(port: server.port, "/01-one.html")
        #expect(kept.status == 200 && kept.text.contains("Edited heading"), "the last good site is still served")

        try fixture.write("title: Test course\nlessons:\n  - 01-one.md\n", to: "lessons/course.yml")
        #expect(eventually(120) { server.status.errors.isEmpty }, "fixing the course clears the errors")
        server.stop()
        #expect(throws: (any Error).self) { try LoopbackClient.request(port: server.port, "/") }
    }
}
