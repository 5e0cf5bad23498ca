# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'household_member_dialog.ui'
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
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_HouseholdMemberDialog(object):
    def setupUi(self, HouseholdMemberDialog):
        if not HouseholdMemberDialog.objectName():
            HouseholdMemberDialog.setObjectName(u"HouseholdMemberDialog")
        HouseholdMemberDialog.resize(520, 300)
        self.mainLayout = QVBoxLayout(HouseholdMemberDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(HouseholdMemberDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.personLabel = QLabel(HouseholdMemberDialog)
        self.personLabel.setObjectName(u"personLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.personLabel)

        self.personHolder = QWidget(HouseholdMemberDialog)
        self.personHolder.setObjectName(u"personHolder")
        self.personHolderLayout = QVBoxLayout(self.personHolder)
        self.personHolderLayout.setObjectName(u"personHolderLayout")
        self.personHolderLayout.setContentsMargins(0, 0, 0, 0)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.personHolder)

        self.targetLabel = QLabel(HouseholdMemberDialog)
        self.targetLabel.setObjectName(u"targetLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.targetLabel)

        self.targetHolder = QWidget(HouseholdMemberDialog)
        self.targetHolder.setObjectName(u"targetHolder")
        self.targetHolderLayout = QVBoxLayout(self.targetHolder)
        self.targetHolderLayout.setObjectName(u"targetHolderLayout")
        self.targetHolderLayout.setContentsMargins(0, 0, 0, 0)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.targetHolder)

        self.relationLabel = QLabel(HouseholdMemberDialog)
        self.relationLabel.setObjectName(u"relationLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.relationLabel)

        self.relationCombo = QComboBox(HouseholdMemberDialog)
        self.relationCombo.setObjectName(u"relationCombo")
        self.relationCombo.setEditable(True)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.relationCombo)


        self.mainLayout.addLayout(self.formLayout)

        self.bottomSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.problemLabel = QLabel(HouseholdMemberDialog)
        self.problemLabel.setObjectName(u"problemLabel")

        self.mainLayout.addWidget(self.problemLabel)

        self.buttonBox = QDialogButtonBox(HouseholdMemberDialog)
        self.buttonBox.setObjectName(u"buttonBox")

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.relationLabel.setBuddy(self.relationCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(HouseholdMemberDialog)

        QMetaObject.connectSlotsByName(HouseholdMemberDialog)
    # setupUi

    def retranslateUi(self, HouseholdMemberDialog):
        pass
    # retranslateUi

