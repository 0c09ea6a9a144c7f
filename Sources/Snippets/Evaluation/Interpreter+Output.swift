import Outputs

/// What a cell shows: printed text under the output cap, and displays in the order they were made.
extension Interpreter {
    /// Shows a table, plot or comparison that a statement produced and nothing bound.
    ///
    /// Jupyter shows only a cell's last value, so a `minimize` in the middle of
    /// a cell would silently vanish; comparisons are what lessons are about, so
    /// every one is shown where it was made (`_ = minimize(...)` hides one).
    func showIfUnused(_ value: Value) {
        switch value {
        case .output(.table), .output(.plot), .output(.runs):
            break
        case let .native(native) where native.typeName == "Comparison":
            break
        default:
            return
        }
        flushPrinted()
        outputs += builtins.display(value)
    }

    /// Moves what `print` wrote so far into `outputs`, so text and displays keep their order,
    /// followed by a note of how much the output cap dropped since the last flush.
    func flushPrinted() {
        if !printed.isEmpty {
            var text = printed
            if text.hasSuffix("\n") { text.removeLast() }
            outputs.append(.text(text))
            printed = ""
        }
        // The notebook flushes once more after the cell's limits ended: the meter is then the one `write` last saw.
        if let meter = Footprint.meter ?? outputMeter, meter.droppedBytes > 0 {
            outputs.append(.text("… output truncated (\(meter.droppedBytes) more bytes)"))
            meter.droppedBytes = 0
        }
    }

    /// Adds printed text, keeping at most the cell's output cap and counting the rest, so an
    /// endless `print` loop runs until its time limit in constant memory.
    func write(_ text: String) {
        guard let meter = Footprint.meter else {
            printed += text
            return
        }
        outputMeter = meter
        let count = text.utf8.count
        let room = max(0, meter.outputCap - meter.printedBytes)
        if count <= room {
            printed += text
            meter.printedBytes += count
            return
        }
        var kept = Substring(text).utf8.prefix(room)
        while !kept.isEmpty, String(kept) == nil { kept = kept.dropLast() }
        printed += String(kept) ?? ""
        meter.printedBytes += kept.count
        meter.droppedBytes += count - kept.count
    }
}
