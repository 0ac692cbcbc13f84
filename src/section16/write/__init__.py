"""Filing -> XML, HTML, Markdown, JSON and the SEC data-set tables. Pure functions; no I/O."""
