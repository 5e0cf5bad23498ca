"""Danh mục: the catalogues the upper unit keeps (categories, rubrics, initiative types,
activity kinds), their versions and their entries."""
