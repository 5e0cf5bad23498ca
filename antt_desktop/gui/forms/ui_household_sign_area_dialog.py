# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'household_sign_area_dialog.ui'
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
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout,
    QWidget)

class Ui_HouseholdSignAreaDialog(object):
    def setupUi(self, HouseholdSignAreaDialog):
        if not HouseholdSignAreaDialog.objectName():
            HouseholdSignAreaDialog.setObjectName(u"HouseholdSignAreaDialog")
        HouseholdSignAreaDialog.resize(540, 300)
        self.mainLayout = QVBoxLayout(HouseholdSignAreaDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(HouseholdSignAreaDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.areaLabel = QLabel(HouseholdSignAreaDialog)
        self.areaLabel.setObjectName(u"areaLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.areaLabel)

        self.areaCombo = QComboBox(HouseholdSignAreaDialog)
        self.areaCombo.setObjectName(u"areaCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.areaCombo)

        self.yearLabel = QLabel(HouseholdSignAreaDialog)
        self.yearLabel.setObjectName(u"yearLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.yearLabel)

        self.yearSpin = QSpinBox(HouseholdSignAreaDialog)
        self.yearSpin.setObjectName(u"yearSpin")
        self.yearSpin.setMinimum(1990)
        self.yearSpin.setMaximum(2200)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.yearSpin)

        self.signedOnLabel = QLabel(HouseholdSignAreaDialog)
        self.signedOnLabel.setObjectName(u"signedOnLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.signedOnLabel)

        self.signedOnEdit = QLineEdit(HouseholdSignAreaDialog)
        self.signedOnEdit.setObjectName(u"signedOnEdit")
        self.signedOnEdit.setMaxLength(10)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.signedOnEdit)

        self.officerLabel = QLabel(HouseholdSignAreaDialog)
        self.officerLabel.setObjectName(u"officerLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.officerLabel)

        self.officerEdit = QLineEdit(HouseholdSignAreaDialog)
        self.officerEdit.setObjectName(u"officerEdit")
        self.officerEdit.setMaxLength(120)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.officerEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.bottomSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.problemLabel = QLabel(HouseholdSignAreaDialog)
        self.problemLabel.setObjectName(u"problemLabel")

        self.mainLayout.addWidget(self.problemLabel)

        self.buttonBox = QDialogButtonBox(HouseholdSignAreaDialog)
        self.buttonBox.setObjectName(u"buttonBox")

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.areaLabel.setBuddy(self.areaCombo)
        self.yearLabel.setBuddy(self.yearSpin)
        self.signedOnLabel.setBuddy(self.signedOnEdit)
        self.officerLabel.setBuddy(self.officerEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.areaCombo, self.yearSpin)
        QWidget.setTabOrder(self.yearSpin, self.signedOnEdit)
        QWidget.setTabOrder(self.signedOnEdit, self.officerEdit)

        self.retranslateUi(HouseholdSignAreaDialog)

        QMetaObject.connectSlotsByName(HouseholdSignAreaDialog)
    # setupUi

    def retranslateUi(self, HouseholdSignAreaDialog):
        pass
    # retranslateUi

