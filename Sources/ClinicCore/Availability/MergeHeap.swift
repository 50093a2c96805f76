/// A binary min-heap of merge keys (a slot's start in the high bits, its
/// lane below), so popping gives the earliest start, a tie by lane order.
struct MergeHeap {
    private var keys: [Int64]
    private static let laneBits: Int64 = 20

    init(_ keys: [Int64]) {
        self.keys = keys
        var i = keys.count / 2 - 1
        while i >= 0 { siftDown(i); i -= 1 }
    }

    static func key(start: Int64, lane: Int) -> Int64 { start << laneBits | Int64(lane) }
    static func lane(of key: Int64) -> Int { Int(key & (1 << laneBits - 1)) }

    var isEmpty: Bool { keys.isEmpty }

    mutating func push(_ key: Int64) {
        keys.append(key)
        var i = keys.count - 1
        while i > 0, keys[(i - 1) / 2] > keys[i] {
            keys.swapAt(i, (i - 1) / 2)
            i = (i - 1) / 2
        }
    }

    mutating func popMin() -> Int64? {
        guard let first = keys.first else { return nil }
        let last = keys.removeLast()
        if !keys.isEmpty { keys[0] = last; siftDown(0) }
        return first
    }

    private mutating func siftDown(_ start: Int) {
        var i = start
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < keys.count, keys[l] < keys[m] { m = l }
            if r < keys.count, keys[r] < keys[m] { m = r }
            if m == i { return }
            keys.swapAt(i, m)
            i = m
        }
    }
}
