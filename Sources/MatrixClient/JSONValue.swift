import Foundation

/// Any JSON value, for event content and account data whose shape depends on the event type.
///
/// Typed accessors (`ClientEvent.message`, `.member`, ...) read the common shapes out of it; everything else
/// stays available as plain values, never as raw text.
public enum JSONValue: Sendable, Hashable, Codable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        // Codable cannot ask a value's type, so each guess that misses costs a thrown error: the guesses go
        // in the order event content is made of (objects, then strings), which keeps misses rare.
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode([String: JSONValue].self) {
            self = .object(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else {
            self = .array(try container.decode([JSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case let .bool(value): try container.encode(value)
        case let .number(value):
            // Whole numbers go out without a fraction: Matrix servers expect integers for sizes and times.
            if value.rounded() == value, abs(value) < 9_007_199_254_740_992 {
                try container.encode(Int64(value))
            } else {
                try container.encode(value)
            }
        case let .string(value): try container.encode(value)
        case let .array(value): try container.encode(value)
        case let .object(value): try container.encode(value)
        }
    }

    public subscript(key: String) -> JSONValue? {
        if case let .object(object) = self { object[key] } else { nil }
    }

    public var stringValue: String? { if case let .string(value) = self { value } else { nil } }
    public var boolValue: Bool? { if case let .bool(value) = self { value } else { nil } }
    public var doubleValue: Double? { if case let .number(value) = self { value } else { nil } }
    public var intValue: Int? {
        if case let .number(value) = self, value.rounded() == value, abs(value) < 9_007_199_254_740_992 {
            Int(value)
        } else {
            nil
        }
    }
    public var arrayValue: [JSONValue]? { if case let .array(value) = self { value } else { nil } }
    public var objectValue: [String: JSONValue]? { if case let .object(value) = self { value } else { nil } }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByDictionaryLiteral, ExpressibleByArrayLiteral, ExpressibleByFloatLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
}

extension JSONValue {
    /// Re-decodes this value as a typed model (e.g. an event's content as `RoomMessageContent`).
    public func decode<Model: Decodable>(as type: Model.Type) -> Model? {
        guard let data = try? JSONEncoderFactory.encoder.encode(self) else { return nil }
        return try? JSONDecoderFactory.decoder.decode(type, from: data)
    }

    /// Encodes any Encodable model as a JSON value (e.g. typed content to send).
    public init<Model: Encodable>(encoding model: Model) throws {
        let data = try JSONEncoderFactory.encoder.encode(model)
        self = try JSONDecoderFactory.decoder.decode(JSONValue.self, from: data)
    }
}

/// Shared coders: plain JSON, no key strategy (Matrix names are spelled out with `CodingKeys`).
enum JSONEncoderFactory {
    static var encoder: JSONEncoder { JSONEncoder() }
}

enum JSONDecoderFactory {
    static var decoder: JSONDecoder { JSONDecoder() }
}
