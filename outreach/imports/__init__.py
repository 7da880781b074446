"""The clerks' Excel import of beneficiary households, in the order a file goes through it:

reading   the template's columns, the checks that refuse a file outright, the reading of cells
rows      each row cleaned into what the registry stores, with the errors of its cells
plan      the rows matched against the township's registry: what confirming would do
services  the writing, in one transaction
template  the workbooks clerks download: the empty template and the file marked with errors
views     download, upload, preview, confirm (urls: the outreach_import namespace)"""
