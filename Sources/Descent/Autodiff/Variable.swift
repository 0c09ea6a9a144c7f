/// A node of a computation graph: a tensor value and how to pass a gradient back.
///
/// This is micrograd's `Value` lifted from scalars to tensors. Each operation
/// on variables makes a new node holding its result, its inputs and a closure
/// that maps the gradient of the result to the gradients of the inputs.
/// `backward()` visits the nodes in reverse topological order and sums the
/// contributions, so a variable used twice gets both. Nodes are classes
/// because a graph shares them; a graph belongs to one run and one thread.
public final class Variable {
    /// The value computed in the forward pass.
    public let value: Tensor
    /// The gradient of the last `backward()` call's output with respect to this value.
    public internal(set) var grad: Tensor?
    /// True for parameters and for anything computed from them.
    public let requiresGrad: Bool
    /// A name for diagnostics and graph printing (e.g. the op that made it).
    public let name: String

    let parents: [Variable]
    let pullback: ((Tensor) throws -> [Tensor])?

    /// A leaf: a constant, or a parameter when `requiresGrad` is true.
    public init(_ value: Tensor, requiresGrad: Bool = false, name: String = "leaf") {
        self.value = value
        self.requiresGrad = requiresGrad
        self.name = name
        self.parents = []
        self.pullback = nil
    }

    /// A custom operation: `pullback` maps the gradient of `value` to one gradient per parent,
    /// each with its parent's shape.
    ///
    /// Layers use this to fuse several steps into one node (a dense layer is
    /// one node, not three), which keeps graphs small and training fast.
    public init(_ value: Tensor, parents: [Variable], name: String, pullback: @escaping (Tensor) throws -> [Tensor]) {
        self.value = value
        self.name = name
        self.parents = parents
        let needed = parents.contains { $0.requiresGrad }
        self.requiresGrad = needed
        self.pullback = needed ? pullback : nil
    }

    public var shape: [Int] { value.shape }

    /// Computes the gradient of this (one-element) variable with respect to every
    /// variable it depends on, storing each in its `grad`.
    public func backward() throws {
        guard value.count == 1 else {
            throw DescentError.invalidShape(operation: "backward()", shape: value.shape, expected: "a single-element loss")
        }
        try backward(seed: Tensor(unchecked: value.shape, [1]))
    }

    /// Back-propagates a given output gradient `seed` (the shape of `value`).
    public func backward(seed: Tensor) throws {
        let order = topologicalOrder()
        var grads: [ObjectIdentifier: Tensor] = [ObjectIdentifier(self): seed]
        for node in order.reversed() {
            guard let upstream = grads[ObjectIdentifier(node)] else { continue }
            node.grad = upstream
            guard let pullback = node.pullback else { continue }
            let parentGrads = try pullback(upstream)
            for (parent, g) in zip(node.parents, parentGrads) where parent.requiresGrad {
                let key = ObjectIdentifier(parent)
                if let existing = grads[key] {
                    grads[key] = try existing + g
                } else {
                    grads[key] = g
                }
            }
        }
    }

    /// Nodes that need a gradient, parents before children, found without recursion
    /// so that long graphs (thousands of steps in a loop) cannot overflow the stack.
    func topologicalOrder() -> [Variable] {
        var order: [Variable] = []
        var visited: Set<ObjectIdentifier> = []
        var stack: [(Variable, Bool)] = [(self, false)]
        while let (node, expanded) = stack.popLast() {
            if expanded { order.append(node); continue }
            let id = ObjectIdentifier(node)
            if visited.contains(id) || !node.requiresGrad { continue }
            visited.insert(id)
            stack.append((node, true))
            for parent in node.parents where parent.requiresGrad && !visited.contains(ObjectIdentifier(parent)) {
                stack.append((parent, false))
            }
        }
        return order
    }
}

extension Variable: CustomStringConvertible {
    public var description: String { "Variable(\(value))" }
}
