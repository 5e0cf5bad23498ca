"""The demo post's public account (its data is made up; its login screen shows these)."""

DEMO_USER = "admin"
DEMO_PASSWORD = "antt-demo-2026"
