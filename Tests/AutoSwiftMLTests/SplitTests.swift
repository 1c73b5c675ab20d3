import Testing
import AutoSwiftML
