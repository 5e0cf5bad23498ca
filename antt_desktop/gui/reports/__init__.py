"""Tổng quan and Báo cáo: the dashboard, periodic reports and the comparison of posts."""
