"""Draw ``wizard.bmp``, the picture on the left of the installer's first and last pages
(164×314, the size NSIS's Modern UI shows without scaling), from the program's icon.

    QT_QPA_PLATFORM=offscreen python packaging/windows/make_wizard_bitmap.py

Run it when the icon changes and commit the picture it writes beside this script.
"""

from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QLinearGradient, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
ICON = HERE.parent.parent / "resources" / "icons" / "antt-desktop.svg"
WIDTH, HEIGHT = 164, 314


def main() -> None:
    app = QGuiApplication([])  # noqa: F841 - fonts and SVG need an application
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_RGB888)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    gradient = QLinearGradient(0, 0, 0, HEIGHT)
    gradient.setColorAt(0, QColor("#2a6db0"))
    gradient.setColorAt(1, QColor("#173f6b"))
    painter.fillRect(image.rect(), gradient)
    QSvgRenderer(str(ICON)).render(painter, QRectF(22, 48, 120, 120))
    painter.setPen(QColor("#ffffff"))
    painter.setFont(QFont("DejaVu Sans", 13, QFont.Weight.Bold))
    painter.drawText(QRectF(0, 186, WIDTH, 26), Qt.AlignmentFlag.AlignCenter, "ANTT Desktop")
    painter.setPen(QColor("#f2c230"))
    painter.setFont(QFont("DejaVu Sans", 8))
    painter.drawText(
        QRectF(10, 214, WIDTH - 20, 44),
        Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap,
        "Quản lý hồ sơ\nCông an xã, phường",
    )
    painter.end()
    image.save(str(HERE / "wizard.bmp"))


if __name__ == "__main__":
    main()
