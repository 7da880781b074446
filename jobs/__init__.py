"""Work that outlasts a request (我的导出): long workbooks, exports and imports run by a worker
beside the web server, with their progress on a page the user may leave and come back to."""
