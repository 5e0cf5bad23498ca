# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'household_pledge_dialog.ui'
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
    QPlainTextEdit, QSizePolicy, QSpinBox, QVBoxLayout,
    QWidget)

class Ui_HouseholdPledgeDialog(object):
    def setupUi(self, HouseholdPledgeDialog):
        if not HouseholdPledgeDialog.objectName():
            HouseholdPledgeDialog.setObjectName(u"HouseholdPledgeDialog")
        HouseholdPledgeDialog.resize(540, 440)
        self.mainLayout = QVBoxLayout(HouseholdPledgeDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(HouseholdPledgeDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.yearLabel = QLabel(HouseholdPledgeDialog)
        self.yearLabel.setObjectName(u"yearLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.yearLabel)

        self.yearSpin = QSpinBox(HouseholdPledgeDialog)
        self.yearSpin.setObjectName(u"yearSpin")
        self.yearSpin.setMinimum(1990)
        self.yearSpin.setMaximum(2200)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.yearSpin)

        self.statusLabel = QLabel(HouseholdPledgeDialog)
        self.statusLabel.setObjectName(u"statusLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.statusCombo = QComboBox(HouseholdPledgeDialog)
        self.statusCombo.setObjectName(u"statusCombo")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.statusCombo)

        self.signedOnLabel = QLabel(HouseholdPledgeDialog)
        self.signedOnLabel.setObjectName(u"signedOnLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.signedOnLabel)

        self.signedOnEdit = QLineEdit(HouseholdPledgeDialog)
        self.signedOnEdit.setObjectName(u"signedOnEdit")
        self.signedOnEdit.setMaxLength(10)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.signedOnEdit)

        self.signerLabel = QLabel(HouseholdPledgeDialog)
        self.signerLabel.setObjectName(u"signerLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.signerLabel)

        self.signerEdit = QLineEdit(HouseholdPledgeDialog)
        self.signerEdit.setObjectName(u"signerEdit")
        self.signerEdit.setMaxLength(120)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.signerEdit)

        self.officerLabel = QLabel(HouseholdPledgeDialog)
        self.officerLabel.setObjectName(u"officerLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.officerLabel)

        self.officerEdit = QLineEdit(HouseholdPledgeDialog)
        self.officerEdit.setObjectName(u"officerEdit")
        self.officerEdit.setMaxLength(120)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.officerEdit)

        self.culturedLabel = QLabel(HouseholdPledgeDialog)
        self.culturedLabel.setObjectName(u"culturedLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.culturedLabel)

        self.culturedCombo = QComboBox(HouseholdPledgeDialog)
        self.culturedCombo.setObjectName(u"culturedCombo")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.culturedCombo)

        self.violationLabel = QLabel(HouseholdPledgeDialog)
        self.violationLabel.setObjectName(u"violationLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.violationLabel)

        self.violationEdit = QPlainTextEdit(HouseholdPledgeDialog)
        self.violationEdit.setObjectName(u"violationEdit")
        self.violationEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.violationEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.problemLabel = QLabel(HouseholdPledgeDialog)
        self.problemLabel.setObjectName(u"problemLabel")

        self.mainLayout.addWidget(self.problemLabel)

        self.buttonBox = QDialogButtonBox(HouseholdPledgeDialog)
        self.buttonBox.setObjectName(u"buttonBox")

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.yearLabel.setBuddy(self.yearSpin)
        self.statusLabel.setBuddy(self.statusCombo)
        self.signedOnLabel.setBuddy(self.signedOnEdit)
        self.signerLabel.setBuddy(self.signerEdit)
        self.officerLabel.setBuddy(self.officerEdit)
        self.culturedLabel.setBuddy(self.culturedCombo)
        self.violationLabel.setBuddy(self.violationEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.yearSpin, self.statusCombo)
        QWidget.setTabOrder(self.statusCombo, self.signedOnEdit)
        QWidget.setTabOrder(self.signedOnEdit, self.signerEdit)
        QWidget.setTabOrder(self.signerEdit, self.officerEdit)
        QWidget.setTabOrder(self.officerEdit, self.culturedCombo)
        QWidget.setTabOrder(self.culturedCombo, self.violationEdit)

        self.retranslateUi(HouseholdPledgeDialog)

        QMetaObject.connectSlotsByName(HouseholdPledgeDialog)
    # setupUi

    def retranslateUi(self, HouseholdPledgeDialog):
        pass
    # retranslateUi

