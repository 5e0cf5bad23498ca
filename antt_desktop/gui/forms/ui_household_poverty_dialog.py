# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'household_poverty_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QSizePolicy,
    QSpacerItem, QSpinBox, QVBoxLayout, QWidget)

class Ui_HouseholdPovertyDialog(object):
    def setupUi(self, HouseholdPovertyDialog):
        if not HouseholdPovertyDialog.objectName():
            HouseholdPovertyDialog.setObjectName(u"HouseholdPovertyDialog")
        HouseholdPovertyDialog.resize(420, 200)
        self.mainLayout = QVBoxLayout(HouseholdPovertyDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.yearLabel = QLabel(HouseholdPovertyDialog)
        self.yearLabel.setObjectName(u"yearLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.yearLabel)

        self.yearSpin = QSpinBox(HouseholdPovertyDialog)
        self.yearSpin.setObjectName(u"yearSpin")
        self.yearSpin.setMinimum(1990)
        self.yearSpin.setMaximum(2200)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.yearSpin)

        self.statusLabel = QLabel(HouseholdPovertyDialog)
        self.statusLabel.setObjectName(u"statusLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.statusCombo = QComboBox(HouseholdPovertyDialog)
        self.statusCombo.setObjectName(u"statusCombo")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.statusCombo)


        self.mainLayout.addLayout(self.formLayout)

        self.bottomSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.problemLabel = QLabel(HouseholdPovertyDialog)
        self.problemLabel.setObjectName(u"problemLabel")

        self.mainLayout.addWidget(self.problemLabel)

        self.buttonBox = QDialogButtonBox(HouseholdPovertyDialog)
        self.buttonBox.setObjectName(u"buttonBox")

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.yearLabel.setBuddy(self.yearSpin)
        self.statusLabel.setBuddy(self.statusCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.yearSpin, self.statusCombo)

        self.retranslateUi(HouseholdPovertyDialog)

        QMetaObject.connectSlotsByName(HouseholdPovertyDialog)
    # setupUi

    def retranslateUi(self, HouseholdPovertyDialog):
        pass
    # retranslateUi

