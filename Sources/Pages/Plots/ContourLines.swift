/// Contour segments joined into lines, so the pieces a level leaves at the map's edge can go.
///
/// Marching squares draws a level wherever it crosses a grid cell; where a level barely clips a
/// corner or a side of the sampled window, that is one or two short segments alone at the edge,
/// a stray fragment that reads as noise. Segments are joined end to end into lines; a line of at
/// most `strayLength` segments that touches the edge is dropped. Lines inside the map are kept
/// whatever their length.
enum ContourLines {
    /// One marching-squares segment, in pixels.
    struct Segment {
        var from: (Double, Double)
        var to: (Double, Double)
    }

    /// Lines this short (in segments) that touch the edge are stray fragments.
    static let strayLength = 2

    /// `segments` without the stray fragments at the edge, in their original order.
    ///
    /// `edges` are the pixels of the window's left, right, bottom and top sides.
    static func withoutEdgeFragments(_ segments: [Segment], edges: (Double, Double, Double, Double)) -> [Segment] {
        // Endpoints meet exactly (both cells compute the same crossing), so a rounded key joins them.
        func key(_ point: (Double, Double)) -> String { HTML.coordinate(point.0) + "," + HTML.coordinate(point.1) }
        var byPoint: [String: [Int]] = [:]
        for (index, segment) in segments.enumerated() {
            byPoint[key(segment.from), default: []].append(index)
            byPoint[key(segment.to), default: []].append(index)
        }
        func onEdge(_ point: (Double, Double)) -> Bool {
            abs(point.0 - edges.0) < 0.5 || abs(point.0 - edges.1) < 0.5 || abs(point.1 - edges.2) < 0.5 || abs(point.1 - edges.3) < 0.5
        }
        var line = [Int](repeating: -1, count: segments.count)
        var keep: [Bool] = []
        for start in segments.indices where line[start] < 0 {
            let id = keep.count
            var stack = [start], members: [Int] = [], touches = false
            line[start] = id
            while let index = stack.popLast() {
                members.append(index)
                for point in [segments[index].from, segments[index].to] {
                    touches = touches || onEdge(point)
                    for next in byPoint[key(point)] ?? [] where line[next] < 0 {
                        line[next] = id
                        stack.append(next)
                    }
                }
            }
            keep.append(!(touches && members.count <= strayLength))
        }
        return segments.indices.filter { keep[line[$0]] }.map { segments[$0] }
    }
}
