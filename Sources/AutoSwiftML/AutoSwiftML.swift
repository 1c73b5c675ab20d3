// `import AutoSwiftML` gives the whole public API: the numeric core, the data layer and the models.
@_exported import MLCore
@_exported import MLData
@_exported import MLModels
