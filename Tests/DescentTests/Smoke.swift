import Testing
@testable import Descent
