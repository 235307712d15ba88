"""The web face of trekant: JSON API, OGC API Features and HTML pages over the domain services.

A face like `cli/`: routes are a few lines that ask `deps` who is asking, call a domain service
and render its result. Business rules live in the services, where the CLI uses them too.
"""
