import Foundation

// The classic real data sets bundled with Descent (folder Datasets of the package
// resources, copied from scikit-learn 1.9.1; UCI Machine Learning Repository,
// CC BY 4.0 — lessons using them credit UCI and the creators named below).
// The files are read once per process (see `preloadBundledDatasets`); each loader checks the text and throws
// `DescentError.malformedData` naming the file and line if anything is off.

/// Handwritten digits: 1797 images of 8×8 pixels (values 0…16, row by row), classes 0…9.
///
/// The test set of UCI's Optical Recognition of Handwritten Digits (E. Alpaydin and C. Kaynak, 1998).
public func Digits() throws -> Dataset {
    try bundledDataset("digits", header: false, features: 64, classCount: 10)
}

/// Fisher's iris flowers: 150 examples, 4 measurements in cm, 3 species (setosa, versicolor, virginica).
public func Iris() throws -> Dataset {
    try bundledDataset("iris", header: true)
}

/// UCI wine recognition: 178 wines, 13 chemical measurements, 3 cultivars.
public func Wine() throws -> Dataset {
    try bundledDataset("wine", header: true)
}

/// UCI Breast Cancer Wisconsin (Diagnostic): 569 tumours, 30 features, class 0 malignant, 1 benign.
public func BreastCancer() throws -> Dataset {
    try bundledDataset("breast_cancer", header: true)
}

/// Reads `Datasets/<name>.csv` from the package resources.
func bundledDataset(_ name: String, header: Bool, features: Int? = nil, classCount: Int? = nil) throws -> Dataset {
    let text = try BundledFiles.csv[name, default: .failure(.malformedData(
        source: "\(name).csv", line: 0, reason: "not found in the package resources (Datasets)"))].get()
    return try Dataset(csv: text, name: name, source: "\(name).csv", header: header, features: features, classCount: classCount)
}

/// Reads the bundled data files before a sandbox forbids opening files.
///
/// A kernel calls this before it locks itself down; afterwards the loaders read the texts from
/// memory. Elsewhere the files are read on first use.
public func preloadBundledDatasets() {
    _ = BundledFiles.csv
}

/// The bundled CSV texts, read once: they never change while a process runs.
private enum BundledFiles {
    static let csv: [String: Result<String, DescentError>] = {
        var texts: [String: Result<String, DescentError>] = [:]
        for name in ["digits", "iris", "wine", "breast_cancer"] {
            let file = "\(name).csv"
            guard let url = Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Datasets") else {
                texts[name] = .failure(.malformedData(source: file, line: 0, reason: "not found in the package resources (Datasets)"))
                continue
            }
            do {
                texts[name] = .success(try String(contentsOf: url, encoding: .utf8))
            } catch {
                texts[name] = .failure(.malformedData(source: file, line: 0, reason: "cannot be read: \(error.localizedDescription)"))
            }
        }
        return texts
    }()
}
