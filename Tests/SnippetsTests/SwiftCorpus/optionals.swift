// Optionals: if let, guard let, ??, optional chaining, map and flatMap, compactMap.
struct Account {
    var owner: String
    var nickname: String?
    var balance: Double
}

func find(_ name: String, in accounts: [Account]) -> Account? {
    accounts.first { $0.owner == name }
}

let accounts = [
    Account(owner: "ada", nickname: "countess", balance: 120),
    Account(owner: "alan", nickname: nil, balance: 80.5),
]

if let ada = find("ada", in: accounts), let nick = ada.nickname {
    print(ada.owner, "aka", nick)
}
let missing = find("grace", in: accounts)
print(missing == nil, missing?.balance ?? 0.0)
print(find("alan", in: accounts)?.nickname?.count ?? -1)
print(find("ada", in: accounts)?.nickname?.count ?? -1)

func describe(_ name: String) -> String {
    guard let account = find(name, in: accounts) else { return "\(name): none" }
    let label = account.nickname.map { "\"\($0)\"" } ?? "no nickname"
    return "\(name): \(account.balance), \(label)"
}
print(describe("ada"))
print(describe("alan"))
print(describe("grace"))

let inputs = ["3", "x", "10", "", "7"]
let numbers = inputs.compactMap { Int($0) }
print(numbers, numbers.reduce(0, +))
let firstBig = numbers.first { $0 > 5 }
if let firstBig { print("first big", firstBig) }
let doubled = firstBig.map { $0 * 2 } ?? 0
print(doubled)
let parsed = Int("42").flatMap { $0 > 40 ? $0 : nil } ?? -1
print(parsed)

var cache: [String: Int] = [:]
for word in ["a", "bb", "a", "ccc", "bb", "a"] {
    cache[word, default: 0] += 1
}
for key in cache.keys.sorted() { print(key, cache[key] ?? 0) }
