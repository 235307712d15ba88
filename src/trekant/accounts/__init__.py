"""Who may do what: accounts, roles per municipality, passwords, API tokens, sessions, login throttling.

The pure parts (rules, passwords, tokens, sessions, throttle) know nothing of the web or the
database; repo.py holds the SQL and service.py the use cases the CLI and the web app share.
"""
