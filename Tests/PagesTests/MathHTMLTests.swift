import Testing
@testable import Lessons
@testable import Pages

/// Formulas must reach the HTML exactly as written through the tree walk; the cases are the course notes' own formulas
/// (from /work/shared/seeds) plus the characters Markdown treats specially.
@Suite struct MathHTMLTests {
    func html(_ markdown: String) -> String {
        Lesson.parse(source: "# T\n\n" + markdown, path: "m.md").html()
    }

    func inline(_ tex: String) -> String { "<span class=\"math inline\">\\(\(tex)\\)</span>" }

    @Test(arguments: [
        #"\theta_{t+1,i} = \theta_{t,i} - \frac{\eta}{\sqrt{G_{t,ii} + \varepsilon}} g_{t,i}"#,
        #"m_t = \beta_1 m_{t-1} + (1-\beta_1) g_t"#,
        #"\boldsymbol{g} \leftarrow \frac{1}{m} \nabla_{\boldsymbol{\theta}} \sum_{i} L(f(\boldsymbol{x}_i, \boldsymbol{\theta}_i), \boldsymbol{y}_i)"#,
        #"\{\mathbf{x}_1, \mathbf{x}_2, ..., \mathbf{x}_m\}"#,
        #"G: G \leftarrow G + g \odot g"#,
        #"\eta_t = \begin{cases} \alpha_1 & t \leq A \\ \alpha_2 & t > A \end{cases}"#,
        #"a*b*c + x_1*y_2"#,
    ])
    func inlineFormulaFromTheNotesSurvives(tex: String) {
        let rendered = html("Update: $\(tex)$ each step.")
        let escaped = tex.replacing("&", with: "&amp;").replacing(">", with: "&gt;").replacing("<", with: "&lt;")
        #expect(rendered.contains("<p>Update: " + inline(escaped) + " each step.</p>"), "\(rendered)")
        #expect(!rendered.contains("<em>"))
    }

    @Test func displayFormulaParagraphBecomesADiv() {
        let rendered = html(#"$$\hat{m}_t = \frac{m_t}{1-\beta_1^t}$$"#)
        #expect(rendered.contains(#"<div class="math display">\[\hat{m}_t = \frac{m_t}{1-\beta_1^t}\]</div>"#), "\(rendered)")
        #expect(!rendered.contains("<p>"))
    }

    @Test func displayFormulaOverLinesWithListLikeLinesAndDoubleBackslashes() {
        let tex = "\n\\begin{cases}\nm_t = \\beta_1 m_{t-1} + (1 - \\beta_1) g_t \\\\\n- \\eta g_t * 2\n+ 1\n\\end{cases}\n"
        let lesson = Lesson.parse(source: "# T\n\n$$" + tex + "$$\n\nAfter.\n", path: "d.md")
        #expect(lesson.math.map(\.tex) == [tex])
        #expect(lesson.math.first?.display == true)
        let rendered = lesson.html()
        #expect(rendered.contains("<div class=\"math display\">\\[" + tex + "\\]</div>"), "\(rendered)")
        #expect(!rendered.contains("<ul>"))
        #expect(rendered.contains("<p>After.</p>"))
    }

    @Test func displayMathInsideBlockquoteDropsTheMarkers() {
        let lesson = Lesson.parse(source: "# T\n\n> $$\n> a_1 * b_2\n> $$\n", path: "q.md")
        #expect(lesson.math.map(\.tex) == ["\na_1 * b_2\n"])
        #expect(lesson.html().contains("<blockquote>\n<div class=\"math display\">\\[\na_1 * b_2\n\\]</div>"))
    }

    @Test func escapedDollarsAndPricesAreNotMath() {
        let rendered = html(#"It costs \$5 and \$6, or $5 and $6 in a shop."#)
        #expect(rendered.contains("<p>It costs $5 and $6, or $5 and $6 in a shop.</p>"), "\(rendered)")
        #expect(!rendered.contains("math"))
    }

    @Test func htmlSpecialCharactersAreEscapedInsideMath() {
        let rendered = html("$a < b & c > d$")
        #expect(rendered.contains(inline("a &lt; b &amp; c &gt; d")), "\(rendered)")
    }

    @Test func dollarsInCodeAreUntouched() {
        let lesson = Lesson.parse(source: """
            # T

            Use `$x_1$` or ``a ` $y_2$`` but $z_3$ is math.

            ```swift
            let s = "$a_b$ *c*"
            ```

                $indented_code$
            """, path: "c.md")
        #expect(lesson.math.map(\.tex) == ["z_3"])
        let rendered = lesson.html()
        #expect(rendered.contains("<code>$x_1$</code>"))
        #expect(rendered.contains("<code>a ` $y_2$</code>"))
        #expect(rendered.contains(inline("z_3")))
        #expect(rendered.contains("let s = &quot;$a_b$ *c*&quot;"))
        #expect(rendered.contains("<pre><code>$indented_code$"))
        #expect(lesson.cells.first?.source == "let s = \"$a_b$ *c*\"\n")
    }

    @Test func emphasisAroundAndBesideMathStillWorks() {
        let rendered = html(#"*x* and **$a_1$** then $b\$c$ done"#)
        #expect(rendered.contains("<em>x</em>"))
        #expect(rendered.contains("<strong>" + inline("a_1") + "</strong>"), "\(rendered)")
        #expect(rendered.contains(inline(#"b\$c"#)))
    }

    @Test func mathInHeadingsAndListItems() {
        let lesson = Lesson.parse(source: "# Adam $\\beta_1$\n\n- step $x_{t+1} = x_t - \\eta g$\n", path: "h.md")
        #expect(lesson.headings.first?.text == #"Adam \beta_1"#)
        let rendered = lesson.html()
        #expect(rendered.contains(#"<h1 id="adam-beta_1">Adam "# + inline(#"\beta_1"#) + "</h1>"), "\(rendered)")
        #expect(rendered.contains("<li>step " + inline(#"x_{t+1} = x_t - \eta g"#) + "</li>"))
    }
}
