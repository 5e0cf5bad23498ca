# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'evaluation_dialog.ui'
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
    QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_EvaluationDialog(object):
    def setupUi(self, EvaluationDialog):
        if not EvaluationDialog.objectName():
            EvaluationDialog.setObjectName(u"EvaluationDialog")
        EvaluationDialog.resize(680, 620)
        self.mainLayout = QVBoxLayout(EvaluationDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(EvaluationDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.rubricLabel = QLabel(EvaluationDialog)
        self.rubricLabel.setObjectName(u"rubricLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.rubricLabel)

        self.rubricCombo = QComboBox(EvaluationDialog)
        self.rubricCombo.setObjectName(u"rubricCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.rubricCombo)

        self.evaluatedOnLabel = QLabel(EvaluationDialog)
        self.evaluatedOnLabel.setObjectName(u"evaluatedOnLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.evaluatedOnLabel)

        self.evaluatedOnEdit = QLineEdit(EvaluationDialog)
        self.evaluatedOnEdit.setObjectName(u"evaluatedOnEdit")
        self.evaluatedOnEdit.setMaxLength(10)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.evaluatedOnEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.criteriaBox = QGroupBox(EvaluationDialog)
        self.criteriaBox.setObjectName(u"criteriaBox")
        self.criteriaLayout = QFormLayout(self.criteriaBox)
        self.criteriaLayout.setObjectName(u"criteriaLayout")

        self.mainLayout.addWidget(self.criteriaBox)

        self.totalRow = QHBoxLayout()
        self.totalRow.setObjectName(u"totalRow")
        self.totalCaption = QLabel(EvaluationDialog)
        self.totalCaption.setObjectName(u"totalCaption")

        self.totalRow.addWidget(self.totalCaption)

        self.totalLabel = QLabel(EvaluationDialog)
        self.totalLabel.setObjectName(u"totalLabel")

        self.totalRow.addWidget(self.totalLabel)

        self.resultLabel = QLabel(EvaluationDialog)
        self.resultLabel.setObjectName(u"resultLabel")

        self.totalRow.addWidget(self.resultLabel)

        self.totalSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.totalRow.addItem(self.totalSpacer)


        self.mainLayout.addLayout(self.totalRow)

        self.decisionForm = QFormLayout()
        self.decisionForm.setObjectName(u"decisionForm")
        self.decisionNumberLabel = QLabel(EvaluationDialog)
        self.decisionNumberLabel.setObjectName(u"decisionNumberLabel")

        self.decisionForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.decisionNumberLabel)

        self.decisionNumberEdit = QLineEdit(EvaluationDialog)
        self.decisionNumberEdit.setObjectName(u"decisionNumberEdit")
        self.decisionNumberEdit.setMaxLength(60)

        self.decisionForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.decisionNumberEdit)

        self.decisionDateLabel = QLabel(EvaluationDialog)
        self.decisionDateLabel.setObjectName(u"decisionDateLabel")

        self.decisionForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.decisionDateLabel)

        self.decisionDateEdit = QLineEdit(EvaluationDialog)
        self.decisionDateEdit.setObjectName(u"decisionDateEdit")
        self.decisionDateEdit.setMaxLength(10)

        self.decisionForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.decisionDateEdit)

        self.decisionIssuerLabel = QLabel(EvaluationDialog)
        self.decisionIssuerLabel.setObjectName(u"decisionIssuerLabel")

        self.decisionForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.decisionIssuerLabel)

        self.decisionIssuerEdit = QLineEdit(EvaluationDialog)
        self.decisionIssuerEdit.setObjectName(u"decisionIssuerEdit")
        self.decisionIssuerEdit.setMaxLength(200)

        self.decisionForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.decisionIssuerEdit)


        self.mainLayout.addLayout(self.decisionForm)

        self.problemLabel = QLabel(EvaluationDialog)
        self.problemLabel.setObjectName(u"problemLabel")

        self.mainLayout.addWidget(self.problemLabel)

        self.buttonBox = QDialogButtonBox(EvaluationDialog)
        self.buttonBox.setObjectName(u"buttonBox")

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.rubricLabel.setBuddy(self.rubricCombo)
        self.evaluatedOnLabel.setBuddy(self.evaluatedOnEdit)
        self.decisionNumberLabel.setBuddy(self.decisionNumberEdit)
        self.decisionDateLabel.setBuddy(self.decisionDateEdit)
        self.decisionIssuerLabel.setBuddy(self.decisionIssuerEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(EvaluationDialog)

        QMetaObject.connectSlotsByName(EvaluationDialog)
    # setupUi

    def retranslateUi(self, EvaluationDialog):
        pass
    # retranslateUi

