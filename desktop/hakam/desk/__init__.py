"""The review desk: a PySide6 layer over the Qt-free core and store.

Nothing outside this package imports it; ``hakam gui`` imports it lazily.
"""
