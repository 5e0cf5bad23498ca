# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_run.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDialog, QFormLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_FirstRunDialog(object):
    def setupUi(self, FirstRunDialog):
        if not FirstRunDialog.objectName():
            FirstRunDialog.setObjectName(u"FirstRunDialog")
        FirstRunDialog.resize(720, 640)
        FirstRunDialog.setModal(True)
        self.dialogLayout = QVBoxLayout(FirstRunDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.titleLabel = QLabel(FirstRunDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.dialogLayout.addWidget(self.titleLabel)

        self.introLabel = QLabel(FirstRunDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.unitGroup = QGroupBox(FirstRunDialog)
        self.unitGroup.setObjectName(u"unitGroup")
        self.unitLayout = QFormLayout(self.unitGroup)
        self.unitLayout.setObjectName(u"unitLayout")
        self.provinceLabel = QLabel(self.unitGroup)
        self.provinceLabel.setObjectName(u"provinceLabel")

        self.unitLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.provinceLabel)

        self.provinceCombo = QComboBox(self.unitGroup)
        self.provinceCombo.setObjectName(u"provinceCombo")
        self.provinceCombo.setEditable(True)
        self.provinceCombo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.provinceCombo.setMaxVisibleItems(15)

        self.unitLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.provinceCombo)

        self.wardLabel = QLabel(self.unitGroup)
        self.wardLabel.setObjectName(u"wardLabel")

        self.unitLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.wardLabel)

        self.wardCombo = QComboBox(self.unitGroup)
        self.wardCombo.setObjectName(u"wardCombo")
        self.wardCombo.setEditable(True)
        self.wardCombo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.wardCombo.setMaxVisibleItems(15)

        self.unitLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.wardCombo)

        self.unitNameLabel = QLabel(self.unitGroup)
        self.unitNameLabel.setObjectName(u"unitNameLabel")

        self.unitLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.unitNameLabel)

        self.unitNameEdit = QLineEdit(self.unitGroup)
        self.unitNameEdit.setObjectName(u"unitNameEdit")
        self.unitNameEdit.setMaxLength(200)

        self.unitLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.unitNameEdit)

        self.unitCodeLabel = QLabel(self.unitGroup)
        self.unitCodeLabel.setObjectName(u"unitCodeLabel")

        self.unitLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.unitCodeLabel)

        self.unitCodeEdit = QLineEdit(self.unitGroup)
        self.unitCodeEdit.setObjectName(u"unitCodeEdit")
        self.unitCodeEdit.setReadOnly(True)

        self.unitLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.unitCodeEdit)


        self.dialogLayout.addWidget(self.unitGroup)

        self.upperGroup = QGroupBox(FirstRunDialog)
        self.upperGroup.setObjectName(u"upperGroup")
        self.upperLayout = QFormLayout(self.upperGroup)
        self.upperLayout.setObjectName(u"upperLayout")
        self.upperNameLabel = QLabel(self.upperGroup)
        self.upperNameLabel.setObjectName(u"upperNameLabel")

        self.upperLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.upperNameLabel)

        self.upperNameEdit = QLineEdit(self.upperGroup)
        self.upperNameEdit.setObjectName(u"upperNameEdit")
        self.upperNameEdit.setMaxLength(200)

        self.upperLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.upperNameEdit)

        self.upperCodeLabel = QLabel(self.upperGroup)
        self.upperCodeLabel.setObjectName(u"upperCodeLabel")

        self.upperLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.upperCodeLabel)

        self.upperCodeEdit = QLineEdit(self.upperGroup)
        self.upperCodeEdit.setObjectName(u"upperCodeEdit")
        self.upperCodeEdit.setMaxLength(16)

        self.upperLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.upperCodeEdit)


        self.dialogLayout.addWidget(self.upperGroup)

        self.accountGroup = QGroupBox(FirstRunDialog)
        self.accountGroup.setObjectName(u"accountGroup")
        self.accountLayout = QFormLayout(self.accountGroup)
        self.accountLayout.setObjectName(u"accountLayout")
        self.adminNameLabel = QLabel(self.accountGroup)
        self.adminNameLabel.setObjectName(u"adminNameLabel")

        self.accountLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.adminNameLabel)

        self.adminNameEdit = QLineEdit(self.accountGroup)
        self.adminNameEdit.setObjectName(u"adminNameEdit")
        self.adminNameEdit.setMaxLength(120)

        self.accountLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.adminNameEdit)

        self.adminTitleLabel = QLabel(self.accountGroup)
        self.adminTitleLabel.setObjectName(u"adminTitleLabel")

        self.accountLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.adminTitleLabel)

        self.adminTitleEdit = QLineEdit(self.accountGroup)
        self.adminTitleEdit.setObjectName(u"adminTitleEdit")
        self.adminTitleEdit.setMaxLength(120)

        self.accountLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.adminTitleEdit)

        self.adminLabel = QLabel(self.accountGroup)
        self.adminLabel.setObjectName(u"adminLabel")

        self.accountLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.adminLabel)

        self.adminEdit = QLineEdit(self.accountGroup)
        self.adminEdit.setObjectName(u"adminEdit")
        self.adminEdit.setMaxLength(64)

        self.accountLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.adminEdit)

        self.passwordLabel = QLabel(self.accountGroup)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.accountLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.passwordEdit = QLineEdit(self.accountGroup)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setMaxLength(256)
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.accountLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.passwordEdit)

        self.repeatLabel = QLabel(self.accountGroup)
        self.repeatLabel.setObjectName(u"repeatLabel")

        self.accountLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.repeatLabel)

        self.repeatEdit = QLineEdit(self.accountGroup)
        self.repeatEdit.setObjectName(u"repeatEdit")
        self.repeatEdit.setMaxLength(256)
        self.repeatEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.accountLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.repeatEdit)

        self.passwordNoteLabel = QLabel(self.accountGroup)
        self.passwordNoteLabel.setObjectName(u"passwordNoteLabel")
        self.passwordNoteLabel.setWordWrap(True)

        self.accountLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.passwordNoteLabel)


        self.dialogLayout.addWidget(self.accountGroup)

        self.problemsLabel = QLabel(FirstRunDialog)
        self.problemsLabel.setObjectName(u"problemsLabel")
        self.problemsLabel.setWordWrap(True)
        self.problemsLabel.setStyleSheet(u"color: #b00020;")

        self.dialogLayout.addWidget(self.problemsLabel)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.bottomSpacer)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.demoButton = QPushButton(FirstRunDialog)
        self.demoButton.setObjectName(u"demoButton")
        self.demoButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.demoButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.createButton = QPushButton(FirstRunDialog)
        self.createButton.setObjectName(u"createButton")
        self.createButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.createButton)

        self.quitButton = QPushButton(FirstRunDialog)
        self.quitButton.setObjectName(u"quitButton")
        self.quitButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.quitButton)


        self.dialogLayout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.provinceLabel.setBuddy(self.provinceCombo)
        self.wardLabel.setBuddy(self.wardCombo)
        self.unitNameLabel.setBuddy(self.unitNameEdit)
        self.unitCodeLabel.setBuddy(self.unitCodeEdit)
        self.upperNameLabel.setBuddy(self.upperNameEdit)
        self.upperCodeLabel.setBuddy(self.upperCodeEdit)
        self.adminNameLabel.setBuddy(self.adminNameEdit)
        self.adminTitleLabel.setBuddy(self.adminTitleEdit)
        self.adminLabel.setBuddy(self.adminEdit)
        self.passwordLabel.setBuddy(self.passwordEdit)
        self.repeatLabel.setBuddy(self.repeatEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.provinceCombo, self.wardCombo)
        QWidget.setTabOrder(self.wardCombo, self.unitNameEdit)
        QWidget.setTabOrder(self.unitNameEdit, self.upperNameEdit)
        QWidget.setTabOrder(self.upperNameEdit, self.upperCodeEdit)
        QWidget.setTabOrder(self.upperCodeEdit, self.adminNameEdit)
        QWidget.setTabOrder(self.adminNameEdit, self.adminTitleEdit)
        QWidget.setTabOrder(self.adminTitleEdit, self.adminEdit)
        QWidget.setTabOrder(self.adminEdit, self.passwordEdit)
        QWidget.setTabOrder(self.passwordEdit, self.repeatEdit)
        QWidget.setTabOrder(self.repeatEdit, self.createButton)
        QWidget.setTabOrder(self.createButton, self.demoButton)
        QWidget.setTabOrder(self.demoButton, self.quitButton)
        QWidget.setTabOrder(self.quitButton, self.unitCodeEdit)

        self.retranslateUi(FirstRunDialog)

        QMetaObject.connectSlotsByName(FirstRunDialog)
    # setupUi

    def retranslateUi(self, FirstRunDialog):
        pass
    # retranslateUi

