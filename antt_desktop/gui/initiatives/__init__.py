"""Mô hình and Khen thưởng: initiatives, activities, evaluations and commendation decisions."""
