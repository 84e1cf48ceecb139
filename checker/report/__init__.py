"""Reports: Markdown for people, JSON and SARIF for machines."""
