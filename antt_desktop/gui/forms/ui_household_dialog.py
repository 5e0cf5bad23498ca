# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'household_dialog.ui'
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
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_HouseholdDialog(object):
    def setupUi(self, HouseholdDialog):
        if not HouseholdDialog.objectName():
            HouseholdDialog.setObjectName(u"HouseholdDialog")
        HouseholdDialog.resize(560, 400)
        self.mainLayout = QVBoxLayout(HouseholdDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.numberLabel = QLabel(HouseholdDialog)
        self.numberLabel.setObjectName(u"numberLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.numberLabel)

        self.numberEdit = QLineEdit(HouseholdDialog)
        self.numberEdit.setObjectName(u"numberEdit")
        self.numberEdit.setMaxLength(20)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.numberEdit)

        self.headLabel = QLabel(HouseholdDialog)
        self.headLabel.setObjectName(u"headLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.headLabel)

        self.headHolder = QWidget(HouseholdDialog)
        self.headHolder.setObjectName(u"headHolder")
        self.headHolderLayout = QVBoxLayout(self.headHolder)
        self.headHolderLayout.setObjectName(u"headHolderLayout")
        self.headHolderLayout.setContentsMargins(0, 0, 0, 0)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.headHolder)

        self.areaLabel = QLabel(HouseholdDialog)
        self.areaLabel.setObjectName(u"areaLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.areaLabel)

        self.areaCombo = QComboBox(HouseholdDialog)
        self.areaCombo.setObjectName(u"areaCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.areaCombo)

        self.addressLabel = QLabel(HouseholdDialog)
        self.addressLabel.setObjectName(u"addressLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressEdit = QLineEdit(HouseholdDialog)
        self.addressEdit.setObjectName(u"addressEdit")
        self.addressEdit.setMaxLength(300)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.addressEdit)

        self.notesLabel = QLabel(HouseholdDialog)
        self.notesLabel.setObjectName(u"notesLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesEdit = QPlainTextEdit(HouseholdDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.problemLabel = QLabel(HouseholdDialog)
        self.problemLabel.setObjectName(u"problemLabel")

        self.mainLayout.addWidget(self.problemLabel)

        self.buttonBox = QDialogButtonBox(HouseholdDialog)
        self.buttonBox.setObjectName(u"buttonBox")

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.numberLabel.setBuddy(self.numberEdit)
        self.areaLabel.setBuddy(self.areaCombo)
        self.addressLabel.setBuddy(self.addressEdit)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(HouseholdDialog)

        QMetaObject.connectSlotsByName(HouseholdDialog)
    # setupUi

    def retranslateUi(self, HouseholdDialog):
        pass
    # retranslateUi

