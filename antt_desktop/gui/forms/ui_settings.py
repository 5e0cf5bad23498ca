# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout,
    QWidget)

class Ui_SettingsForm(object):
    def setupUi(self, SettingsForm):
        if not SettingsForm.objectName():
            SettingsForm.setObjectName(u"SettingsForm")
        SettingsForm.resize(760, 520)
        self.pageLayout = QVBoxLayout(SettingsForm)
        self.pageLayout.setObjectName(u"pageLayout")
        self.titleLabel = QLabel(SettingsForm)
        self.titleLabel.setObjectName(u"titleLabel")

        self.pageLayout.addWidget(self.titleLabel)

        self.appearanceGroup = QGroupBox(SettingsForm)
        self.appearanceGroup.setObjectName(u"appearanceGroup")
        self.appearanceLayout = QFormLayout(self.appearanceGroup)
        self.appearanceLayout.setObjectName(u"appearanceLayout")
        self.appearanceLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.languageLabel = QLabel(self.appearanceGroup)
        self.languageLabel.setObjectName(u"languageLabel")

        self.appearanceLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.languageLabel)

        self.languageCombo = QComboBox(self.appearanceGroup)
        self.languageCombo.setObjectName(u"languageCombo")
        self.languageCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.appearanceLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.languageCombo)

        self.fontSizeLabel = QLabel(self.appearanceGroup)
        self.fontSizeLabel.setObjectName(u"fontSizeLabel")

        self.appearanceLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.fontSizeLabel)

        self.fontSizeCombo = QComboBox(self.appearanceGroup)
        self.fontSizeCombo.setObjectName(u"fontSizeCombo")
        self.fontSizeCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.appearanceLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.fontSizeCombo)


        self.pageLayout.addWidget(self.appearanceGroup)

        self.dataGroup = QGroupBox(SettingsForm)
        self.dataGroup.setObjectName(u"dataGroup")
        self.dataLayout = QFormLayout(self.dataGroup)
        self.dataLayout.setObjectName(u"dataLayout")
        self.dataFolderLabel = QLabel(self.dataGroup)
        self.dataFolderLabel.setObjectName(u"dataFolderLabel")

        self.dataLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dataFolderLabel)

        self.dataFolderRow = QHBoxLayout()
        self.dataFolderRow.setObjectName(u"dataFolderRow")
        self.dataFolderEdit = QLineEdit(self.dataGroup)
        self.dataFolderEdit.setObjectName(u"dataFolderEdit")
        self.dataFolderEdit.setReadOnly(True)

        self.dataFolderRow.addWidget(self.dataFolderEdit)

        self.openFolderButton = QPushButton(self.dataGroup)
        self.openFolderButton.setObjectName(u"openFolderButton")

        self.dataFolderRow.addWidget(self.openFolderButton)


        self.dataLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.dataFolderRow)

        self.databaseLabel = QLabel(self.dataGroup)
        self.databaseLabel.setObjectName(u"databaseLabel")

        self.dataLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.databaseLabel)

        self.databaseEdit = QLineEdit(self.dataGroup)
        self.databaseEdit.setObjectName(u"databaseEdit")
        self.databaseEdit.setReadOnly(True)

        self.dataLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.databaseEdit)

        self.backupRow = QHBoxLayout()
        self.backupRow.setObjectName(u"backupRow")
        self.backupButton = QPushButton(self.dataGroup)
        self.backupButton.setObjectName(u"backupButton")

        self.backupRow.addWidget(self.backupButton)

        self.backupAsButton = QPushButton(self.dataGroup)
        self.backupAsButton.setObjectName(u"backupAsButton")

        self.backupRow.addWidget(self.backupAsButton)

        self.backupSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.backupRow.addItem(self.backupSpacer)


        self.dataLayout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.backupRow)

        self.backupStatusLabel = QLabel(self.dataGroup)
        self.backupStatusLabel.setObjectName(u"backupStatusLabel")
        self.backupStatusLabel.setWordWrap(True)
        self.backupStatusLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dataLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.backupStatusLabel)


        self.pageLayout.addWidget(self.dataGroup)

        self.securityGroup = QGroupBox(SettingsForm)
        self.securityGroup.setObjectName(u"securityGroup")
        self.securityLayout = QFormLayout(self.securityGroup)
        self.securityLayout.setObjectName(u"securityLayout")
        self.securityLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.idleLockLabel = QLabel(self.securityGroup)
        self.idleLockLabel.setObjectName(u"idleLockLabel")

        self.securityLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.idleLockLabel)

        self.idleLockRow = QHBoxLayout()
        self.idleLockRow.setObjectName(u"idleLockRow")
        self.idleLockSpin = QSpinBox(self.securityGroup)
        self.idleLockSpin.setObjectName(u"idleLockSpin")
        self.idleLockSpin.setMinimum(1)
        self.idleLockSpin.setMaximum(60)
        self.idleLockSpin.setValue(10)

        self.idleLockRow.addWidget(self.idleLockSpin)

        self.lockNowButton = QPushButton(self.securityGroup)
        self.lockNowButton.setObjectName(u"lockNowButton")

        self.idleLockRow.addWidget(self.lockNowButton)

        self.idleLockSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.idleLockRow.addItem(self.idleLockSpacer)


        self.securityLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.idleLockRow)

        self.idleLockHint = QLabel(self.securityGroup)
        self.idleLockHint.setObjectName(u"idleLockHint")
        self.idleLockHint.setWordWrap(True)

        self.securityLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.idleLockHint)

        self.auditRow = QHBoxLayout()
        self.auditRow.setObjectName(u"auditRow")
        self.changePasswordButton = QPushButton(self.securityGroup)
        self.changePasswordButton.setObjectName(u"changePasswordButton")

        self.auditRow.addWidget(self.changePasswordButton)

        self.accountsButton = QPushButton(self.securityGroup)
        self.accountsButton.setObjectName(u"accountsButton")

        self.auditRow.addWidget(self.accountsButton)

        self.auditLogButton = QPushButton(self.securityGroup)
        self.auditLogButton.setObjectName(u"auditLogButton")

        self.auditRow.addWidget(self.auditLogButton)

        self.auditSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.auditRow.addItem(self.auditSpacer)


        self.securityLayout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.auditRow)


        self.pageLayout.addWidget(self.securityGroup)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.pageLayout.addItem(self.bottomSpacer)

#if QT_CONFIG(shortcut)
        self.languageLabel.setBuddy(self.languageCombo)
        self.fontSizeLabel.setBuddy(self.fontSizeCombo)
        self.dataFolderLabel.setBuddy(self.dataFolderEdit)
        self.databaseLabel.setBuddy(self.databaseEdit)
        self.idleLockLabel.setBuddy(self.idleLockSpin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.languageCombo, self.fontSizeCombo)
        QWidget.setTabOrder(self.fontSizeCombo, self.dataFolderEdit)
        QWidget.setTabOrder(self.dataFolderEdit, self.openFolderButton)
        QWidget.setTabOrder(self.openFolderButton, self.databaseEdit)
        QWidget.setTabOrder(self.databaseEdit, self.backupButton)
        QWidget.setTabOrder(self.backupButton, self.backupAsButton)
        QWidget.setTabOrder(self.backupAsButton, self.idleLockSpin)
        QWidget.setTabOrder(self.idleLockSpin, self.lockNowButton)
        QWidget.setTabOrder(self.lockNowButton, self.auditLogButton)

        self.retranslateUi(SettingsForm)

        QMetaObject.connectSlotsByName(SettingsForm)
    # setupUi

    def retranslateUi(self, SettingsForm):
        pass
    # retranslateUi

