"""The reference lists a county keeps: add, rename, reorder, retire."""
